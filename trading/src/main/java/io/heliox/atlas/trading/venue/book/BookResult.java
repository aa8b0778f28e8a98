package io.heliox.atlas.trading.venue.book;

import java.util.List;

/** Everything one call on the {@link MatchingEngine} caused, in order. */
public record BookResult(List<BookEvent> events) {

    public BookResult {
        events = List.copyOf(events);
    }

    public List<BookFill> fills() {
        return only(BookFill.class);
    }

    public List<Unfilled> unfilled() {
        return only(Unfilled.class);
    }

    public List<BookReject> rejects() {
        return only(BookReject.class);
    }

    public boolean isRejected() {
        return !rejects().isEmpty();
    }

    public <T extends BookEvent> List<T> only(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
