package io.meetingintel.devregistry;

import static io.meetingintel.devregistry.TestSchemas.COUNT_AS_INT;
import static io.meetingintel.devregistry.TestSchemas.COUNT_AS_STRING;
import static io.meetingintel.devregistry.TestSchemas.COUNT_DROPPED;
import static io.meetingintel.devregistry.TestSchemas.MEETING_V1;
import static io.meetingintel.devregistry.TestSchemas.MEETING_WITH_OPTIONAL_TITLE;
import static io.meetingintel.devregistry.TestSchemas.MEETING_WITH_REQUIRED_TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

    private final SchemaStore store = new SchemaStore();

    @Test
    void registeringTheSameSchemaAgainReturnsTheExistingVersion() {
        SchemaStore.SubjectVersion first = store.register("meetings-value", MEETING_V1);
        SchemaStore.SubjectVersion again = store.register("meetings-value",
                SchemaStore.parse(TestSchemas.MEETING_V1_JSON.replace("\n", "\n      ")));

        assertThat(again).isEqualTo(first);
        assertThat(first.version()).isEqualTo(1);
        assertThat(store.versions("meetings-value")).containsExactly(1);
    }

    @Test
    void idsAreGlobalAcrossSubjects() {
        int id = store.register("a-value", MEETING_V1).id();

        assertThat(store.register("b-value", MEETING_V1).id()).isEqualTo(id);
        assertThat(store.register("c-value", COUNT_AS_INT).id()).isNotEqualTo(id);
        assertThat(store.subjects()).containsExactly("a-value", "b-value", "c-value");
    }

    @Test
    void compatibleEvolutionBecomesTheNextVersion() {
        int v1 = store.register("meetings-value", MEETING_V1).id();
        SchemaStore.SubjectVersion v2 = store.register("meetings-value", MEETING_WITH_OPTIONAL_TITLE);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.id()).isNotEqualTo(v1);
        assertThat(store.latest("meetings-value")).isEqualTo(v2);
        assertThat(store.version("meetings-value", 1).schema()).isEqualTo(MEETING_V1);
        assertThat(store.schemaById(v2.id())).isEqualTo(MEETING_WITH_OPTIONAL_TITLE);
    }

    @Test
    void incompatibleSchemaIsRefusedAndNotStored() {
        store.register("meetings-value", MEETING_V1);

        assertRefused(() -> store.register("meetings-value", MEETING_WITH_REQUIRED_TITLE), 409, 409);
        assertThat(store.versions("meetings-value")).containsExactly(1);
        assertThat(store.isCompatibleWithLatest("meetings-value", MEETING_WITH_REQUIRED_TITLE)).isFalse();
        assertThat(store.isCompatibleWithLatest("meetings-value", MEETING_WITH_OPTIONAL_TITLE)).isTrue();
    }

    @Test
    void backwardTransitiveChecksEveryEarlierVersion() {
        store.register("counters-value", COUNT_AS_INT);
        store.register("counters-value", COUNT_DROPPED);

        assertThat(store.isCompatibleWithVersion("counters-value", 2, COUNT_AS_STRING)).isTrue();
        assertThat(store.isCompatibleWithVersion("counters-value", 1, COUNT_AS_STRING)).isFalse();
        assertRefused(() -> store.register("counters-value", COUNT_AS_STRING), 409, 409);
    }

    @Test
    void backwardChecksOnlyTheLatestVersion() {
        store.setSubjectLevel("counters-value", CompatibilityLevel.BACKWARD);
        store.register("counters-value", COUNT_AS_INT);
        store.register("counters-value", COUNT_DROPPED);

        assertThat(store.register("counters-value", COUNT_AS_STRING).version()).isEqualTo(3);
    }

    @Test
    void levelNoneAcceptsAnything() {
        store.setGlobalLevel(CompatibilityLevel.NONE);
        store.register("meetings-value", MEETING_V1);

        assertThat(store.register("meetings-value", MEETING_WITH_REQUIRED_TITLE).version()).isEqualTo(2);
    }

    @Test
    void subjectLevelOverridesTheGlobalOne() {
        store.setSubjectLevel("free-value", CompatibilityLevel.NONE);

        assertThat(store.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(store.effectiveLevel("free-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(store.effectiveLevel("other-value")).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(store.subjectLevel("other-value")).isEmpty();
    }

    @Test
    void forwardLevelRequiresTheLatestVersionToReadTheNewSchema() {
        store.setGlobalLevel(CompatibilityLevel.FORWARD);
        store.register("meetings-value", MEETING_V1);

        // Old readers ignore the added field, so forward accepts what backward refuses...
        assertThat(store.register("meetings-value", MEETING_WITH_REQUIRED_TITLE).version()).isEqualTo(2);
        // ...and refuses a schema whose null title the latest reader could not take.
        assertRefused(() -> store.register("meetings-value", MEETING_WITH_OPTIONAL_TITLE), 409, 409);
    }

    @Test
    void lookupFindsRegisteredSchemasOnly() {
        SchemaStore.SubjectVersion registered = store.register("meetings-value", MEETING_V1);

        assertThat(store.lookup("meetings-value", MEETING_V1)).isEqualTo(registered);
        assertRefused(() -> store.lookup("meetings-value", MEETING_WITH_OPTIONAL_TITLE), 404, 40403);
        assertRefused(() -> store.lookup("unknown-value", MEETING_V1), 404, 40401);
    }

    @Test
    void unknownSubjectVersionAndIdHaveConfluentErrorCodes() {
        store.register("meetings-value", MEETING_V1);

        assertRefused(() -> store.schemaById(99), 404, 40403);
        assertRefused(() -> store.versions("unknown-value"), 404, 40401);
        assertRefused(() -> store.latest("unknown-value"), 404, 40401);
        assertRefused(() -> store.version("meetings-value", 2), 404, 40402);
        assertRefused(() -> store.isCompatibleWithLatest("unknown-value", MEETING_V1), 404, 40401);
    }

    @Test
    void unparseableSchemaIsInvalid() {
        assertRefused(() -> SchemaStore.parse("{\"type\": \"record\", \"name\": \"NoFields\"}"), 422, 42201);
        assertRefused(() -> SchemaStore.parse(""), 422, 42201);
    }

    private static void assertRefused(ThrowingCallable call, int httpStatus, int errorCode) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(httpStatus);
                    assertThat(e.errorCode()).isEqualTo(errorCode);
                });
    }
}
