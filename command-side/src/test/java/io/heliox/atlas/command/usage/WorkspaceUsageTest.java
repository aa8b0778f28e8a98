package io.heliox.atlas.command.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.usage.AdmitRunCommand;
import io.heliox.atlas.api.usage.CheckScenarioBarsCommand;
import io.heliox.atlas.api.usage.Meter;
import io.heliox.atlas.api.usage.ModelTokensReservedEvent;
import io.heliox.atlas.api.usage.Quota;
import io.heliox.atlas.api.usage.QuotaExceededException;
import io.heliox.atlas.api.usage.Quotas;
import io.heliox.atlas.api.usage.QuotasSetEvent;
import io.heliox.atlas.api.usage.RecordModelCallCommand;
import io.heliox.atlas.api.usage.ReleaseRunCommand;
import io.heliox.atlas.api.usage.ReserveModelTokensCommand;
import io.heliox.atlas.api.usage.RunAdmittedEvent;
import io.heliox.atlas.api.usage.RunReleasedEvent;
import io.heliox.atlas.api.usage.SetQuotasCommand;
import io.heliox.atlas.api.usage.StoreObjectCommand;
import io.heliox.atlas.api.usage.UsageLedgerOpenedEvent;
import io.heliox.atlas.api.usage.UsageRecordedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceUsageTest {

    private static final UUID WS = UUID.fromString("7d1e6a0b-2c3f-4b8e-9a51-0c6f2e8d4a21");
    private static final String ID = "usage:" + WS;
    private static final LocalDate DAY = LocalDate.parse("2026-12-05");
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");
    private static final RunId RUN_1 = RunId.of("00000000-0000-0000-0000-000000000001");
    private static final RunId RUN_2 = RunId.of("00000000-0000-0000-0000-000000000002");
    private static final RunId RUN_3 = RunId.of("00000000-0000-0000-0000-000000000003");
    /** The installation's: 2 runs a day, 1 in flight, 1,000 tokens a day, 500 bars a request, 1,000 kept, 10 kB. */
    private static final Quotas DEFAULTS = new Quotas(Map.of(Quota.RUNS_PER_DAY, 2L, Quota.CONCURRENT_RUNS, 1L,
            Quota.MODEL_TOKENS_PER_DAY, 1_000L, Quota.SCENARIO_BARS_PER_REQUEST, 500L, Quota.SCENARIO_BARS_STORED, 1_000L,
            Quota.STORAGE_BYTES, 10_000L));

    private final AggregateTestFixture<WorkspaceUsage> fixture = new AggregateTestFixture<>(WorkspaceUsage.class);

    private static AdmitRunCommand admit(RunId run, LocalDate day) {
        return new AdmitRunCommand(ID, WS, run, day, DEFAULTS, T);
    }

    @Test
    void aRunIsAdmittedOnceAndHoldsASlotUntilReleased() {
        fixture.givenNoPriorActivity().when(admit(RUN_1, DAY)).expectEvents(new RunAdmittedEvent(WS, RUN_1, DAY, T));
        fixture.given(new RunAdmittedEvent(WS, RUN_1, DAY, T)).when(admit(RUN_1, DAY)).expectNoEvents();
        fixture.given(new RunAdmittedEvent(WS, RUN_1, DAY, T)).when(admit(RUN_2, DAY))
                .expectException(QuotaExceededException.class).expectExceptionMessage(
                        org.hamcrest.Matchers.containsString("concurrentRuns"));
        fixture.given(new RunAdmittedEvent(WS, RUN_1, DAY, T)).when(new ReleaseRunCommand(ID, WS, RUN_1, T))
                .expectEvents(new RunReleasedEvent(WS, RUN_1, T, true));
        // a release the ledger already took is recorded too (a copy cached on a node that missed
        // another node's admission must conflict, not decide alone), and frees nothing
        fixture.given(new RunAdmittedEvent(WS, RUN_1, DAY, T), new RunReleasedEvent(WS, RUN_1, T, true))
                .when(new ReleaseRunCommand(ID, WS, RUN_1, T)).expectEvents(new RunReleasedEvent(WS, RUN_1, T, false));
        // events recorded before heldSlot existed freed their slot
        fixture.given(new RunAdmittedEvent(WS, RUN_1, DAY, T), new RunReleasedEvent(WS, RUN_1, T, null))
                .when(admit(RUN_2, DAY)).expectEvents(new RunAdmittedEvent(WS, RUN_2, DAY, T));
        // a release is the ledger's first event when nothing came before it (it names the workspace)
        fixture.givenNoPriorActivity().when(new ReleaseRunCommand(ID, WS, RUN_1, T))
                .expectEvents(new RunReleasedEvent(WS, RUN_1, T, false));
    }

    @Test
    void runsPerDayCountTheUtcDayAndStartAgainTheNext() {
        Object[] twoToday = {new RunAdmittedEvent(WS, RUN_1, DAY, T), new RunReleasedEvent(WS, RUN_1, T, true),
                new RunAdmittedEvent(WS, RUN_2, DAY, T), new RunReleasedEvent(WS, RUN_2, T, true)};
        fixture.given(twoToday).when(admit(RUN_3, DAY)).expectException(QuotaExceededException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("runsPerDay"));
        fixture.given(twoToday).when(admit(RUN_3, DAY.plusDays(1)))
                .expectEvents(new RunAdmittedEvent(WS, RUN_3, DAY.plusDays(1), T));
    }

    @Test
    void theWorkspacesOwnQuotasComeBeforeTheInstallations() {
        Quotas three = new Quotas(Map.of(Quota.CONCURRENT_RUNS, 3L));
        fixture.givenNoPriorActivity().when(new SetQuotasCommand(ID, WS, three, T))
                .expectEvents(new QuotasSetEvent(WS, three, T));
        fixture.given(new QuotasSetEvent(WS, three, T), new RunAdmittedEvent(WS, RUN_1, DAY, T))
                .when(admit(RUN_2, DAY)).expectEvents(new RunAdmittedEvent(WS, RUN_2, DAY, T));
        fixture.given(new QuotasSetEvent(WS, three, T)).when(new SetQuotasCommand(ID, WS, three, T)).expectNoEvents();
    }

    @Test
    void tokensAreReservedBeforeACallAndRecordedAfterItOncePerCall() {
        fixture.givenNoPriorActivity().when(new ReserveModelTokensCommand(ID, WS, "r#1.1", 800, DAY, DEFAULTS, T))
                .expectEvents(new ModelTokensReservedEvent(WS, "r#1.1", 800, DAY, T));
        // a reservation in flight counts: a second call cannot have what the first may use
        fixture.given(new ModelTokensReservedEvent(WS, "r#1.1", 800, DAY, T))
                .when(new ReserveModelTokensCommand(ID, WS, "r#2.1", 300, DAY, DEFAULTS, T))
                .expectException(QuotaExceededException.class);
        UsageRecordedEvent recorded = new UsageRecordedEvent(WS, DAY, Meter.MODEL_TOKENS, 150, "local", "atlas-local-1",
                "r", "r#1.1", T);
        fixture.given(new ModelTokensReservedEvent(WS, "r#1.1", 800, DAY, T))
                .when(new RecordModelCallCommand(ID, WS, "r#1.1", "r", "local", "atlas-local-1", 150, DAY, T))
                .expectEvents(recorded);
        // recorded, the call holds what it used (150), not what it reserved: 850 are left
        fixture.given(new ModelTokensReservedEvent(WS, "r#1.1", 800, DAY, T), recorded)
                .when(new ReserveModelTokensCommand(ID, WS, "r#2.1", 850, DAY, DEFAULTS, T))
                .expectEvents(new ModelTokensReservedEvent(WS, "r#2.1", 850, DAY, T));
        // the same call recorded again (a step performed again) counts once; so does its reservation
        fixture.given(new ModelTokensReservedEvent(WS, "r#1.1", 800, DAY, T), recorded)
                .when(new RecordModelCallCommand(ID, WS, "r#1.1", "r", "local", "atlas-local-1", 150, DAY, T))
                .expectNoEvents();
        fixture.given(new ModelTokensReservedEvent(WS, "r#1.1", 800, DAY, T), recorded)
                .when(new ReserveModelTokensCommand(ID, WS, "r#1.1", 800, DAY, DEFAULTS, T)).expectNoEvents();
        // a new day starts with all its tokens
        fixture.given(new ModelTokensReservedEvent(WS, "r#1.1", 800, DAY, T), recorded)
                .when(new ReserveModelTokensCommand(ID, WS, "r#9.1", 1_000, DAY.plusDays(1), DEFAULTS, T))
                .expectEvents(new ModelTokensReservedEvent(WS, "r#9.1", 1_000, DAY.plusDays(1), T));
    }

    @Test
    void whatTheWorkspaceKeepsIsBoundedInBytesAndBars() {
        fixture.givenNoPriorActivity().when(new CheckScenarioBarsCommand(ID, WS, 501, DEFAULTS))
                .expectException(QuotaExceededException.class);
        fixture.givenNoPriorActivity().when(new CheckScenarioBarsCommand(ID, WS, 500, DEFAULTS))
                .expectEvents(new UsageLedgerOpenedEvent(WS));
        fixture.given(new UsageLedgerOpenedEvent(WS)).when(new CheckScenarioBarsCommand(ID, WS, 500, DEFAULTS))
                .expectNoEvents();
        UsageRecordedEvent bytes = new UsageRecordedEvent(WS, DAY, Meter.STORAGE_BYTES, 6_000, "", "", "s:a", "s:a", T);
        UsageRecordedEvent bars = new UsageRecordedEvent(WS, DAY, Meter.SCENARIO_BARS, 600, "", "", "s:a", "s:a", T);
        fixture.givenNoPriorActivity().when(new StoreObjectCommand(ID, WS, "s:a", 6_000, 600, DAY, DEFAULTS, T))
                .expectEvents(bytes, bars);
        fixture.given(bytes, bars).when(new StoreObjectCommand(ID, WS, "s:a", 6_000, 600, DAY, DEFAULTS, T))
                .expectNoEvents();
        fixture.given(bytes, bars).when(new StoreObjectCommand(ID, WS, "s:b", 1_000, 600, DAY, DEFAULTS, T))
                .expectException(QuotaExceededException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("scenarioBarsStored"));
        fixture.given(bytes, bars).when(new StoreObjectCommand(ID, WS, "pkg:c", 5_000, 0, DAY, DEFAULTS, T))
                .expectException(QuotaExceededException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("storageBytes"));
    }

    /**
     * The aggregate is snapshotted by Axon's Jackson serializer: every field must be in the
     * snapshot, or a ledger loaded from one would forget runs in flight, reservations or quotas.
     */
    @Test
    void aSnapshotHoldsTheWholeLedger() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).findAndRegisterModules();
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        fixture.given(new QuotasSetEvent(WS, new Quotas(Map.of(Quota.RUNS_PER_DAY, 9L)), T),
                        new RunAdmittedEvent(WS, RUN_1, DAY, T),
                        new ModelTokensReservedEvent(WS, "r#1.1", 800, DAY, T),
                        new UsageRecordedEvent(WS, DAY, Meter.STORAGE_BYTES, 6_000, "", "", "s:a", "s:a", T))
                .when(new CheckScenarioBarsCommand(ID, WS, 1, DEFAULTS))
                .expectState(usage -> {
                    SerializedObject<String> snapshot = serializer.serialize(usage, String.class);
                    WorkspaceUsage restored = serializer.deserialize(snapshot);
                    String again = serializer.serialize(restored, String.class).getData();
                    assertThat(again).isEqualTo(snapshot.getData());
                    JsonNode state;
                    try {
                        state = mapper.readTree(snapshot.getData());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                    assertThat(state.get("usageId").asText()).isEqualTo(ID);
                    assertThat(state.at("/quotas/limits/RUNS_PER_DAY").asLong()).isEqualTo(9);
                    assertThat(state.get("runsInFlight").toString()).contains(RUN_1.toString());
                    assertThat(state.at("/reservedToday/r#1.1").asLong()).isEqualTo(800);
                    assertThat(state.get("storedKeys").toString()).contains("s:a");
                    assertThat(state.get("storedBytes").asLong()).isEqualTo(6_000);
                    assertThat(state.get("day").asText()).isEqualTo("2026-12-05");
                });
    }
}
