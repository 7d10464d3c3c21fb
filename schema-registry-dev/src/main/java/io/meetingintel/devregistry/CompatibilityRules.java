package io.meetingintel.devregistry;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The one implementation of schema compatibility on the platform, on top of Avro's own reader/writer resolution rules
 * (the same rules the decoder applies, so "compatible" means "the consumer can really decode it").
 */
public final class CompatibilityRules {

    private CompatibilityRules() {
    }

    /** Whether data written with {@code writer} can be decoded into {@code reader}. */
    public static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }

    /** The platform default: the candidate can read data written with every earlier version. */
    public static boolean isBackwardTransitive(Schema candidate, List<Schema> previous) {
        return isCompatible(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate, previous);
    }

    /**
     * Whether the candidate may follow the earlier versions (oldest first) under the level: non-transitive levels
     * look at the latest version only.
     */
    public static boolean isCompatible(CompatibilityLevel level, Schema candidate, List<Schema> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return true;
        }
        List<Schema> checked = level.transitive() ? previous : List.of(previous.getLast());
        return checked.stream().allMatch(earlier ->
                (!level.checksBackward() || canRead(candidate, earlier))
                        && (!level.checksForward() || canRead(earlier, candidate)));
    }
}
