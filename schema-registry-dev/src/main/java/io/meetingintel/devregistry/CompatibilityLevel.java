package io.meetingintel.devregistry;

/** Confluent's compatibility levels: which earlier versions a new schema is checked against, and in which direction. */
public enum CompatibilityLevel {
    NONE,
    /** The new schema can read data written with the latest version. */
    BACKWARD,
    /** The new schema can read data written with every earlier version (the platform default). */
    BACKWARD_TRANSITIVE,
    /** The latest version can read data written with the new schema. */
    FORWARD,
    FORWARD_TRANSITIVE,
    /** Both BACKWARD and FORWARD against the latest version. */
    FULL,
    FULL_TRANSITIVE;

    public boolean transitive() {
        return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
    }

    boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }
}
