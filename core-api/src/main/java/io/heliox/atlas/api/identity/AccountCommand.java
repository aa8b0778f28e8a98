package io.heliox.atlas.api.identity;

import java.util.UUID;

/**
 * A fact about a user's account (made, a key issued or revoked, a rate limit set), recorded for the
 * audit trail. A person may record facts about their own account only; a system administrator
 * about anyone's. Accounts belong to no workspace: their events are in the system administrators'
 * audit trail, not a team's.
 */
public interface AccountCommand {
    UUID userId();
}
