package io.meetingintel.platform.serde;

import java.io.ByteArrayOutputStream;

/**
 * Confluent's framing of a serialized record: magic byte 0, the writer schema's registry id as a 4-byte big-endian
 * int, then the Avro binary body. Compatible with every Confluent-format producer and consumer.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id: the body starts at this offset. */
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /** The framed record for an Avro body written with the schema registered under the id. */
    public static byte[] frame(int schemaId, byte[] avroBinary) {
        byte[] framed = new byte[HEADER_LENGTH + avroBinary.length];
        framed[0] = MAGIC_BYTE;
        framed[1] = (byte) (schemaId >>> 24);
        framed[2] = (byte) (schemaId >>> 16);
        framed[3] = (byte) (schemaId >>> 8);
        framed[4] = (byte) schemaId;
        System.arraycopy(avroBinary, 0, framed, HEADER_LENGTH, avroBinary.length);
        return framed;
    }

    /** Writes the header, so the body can be encoded straight after it without another copy. */
    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /**
     * The writer schema id of a framed record; its body starts at {@link #HEADER_LENGTH}.
     *
     * @throws MalformedEventException when the bytes are null, shorter than the header or do not start with 0
     */
    public static int schemaId(byte[] framed) {
        if (framed == null || framed.length < HEADER_LENGTH) {
            throw new MalformedEventException("Not a Confluent-framed record: " + (framed == null ? "null"
                    : framed.length + " bytes") + ", the header alone is " + HEADER_LENGTH + " bytes");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new MalformedEventException("Not a Confluent-framed record: magic byte is " + framed[0]
                    + ", expected " + MAGIC_BYTE);
        }
        return (framed[1] & 0xFF) << 24 | (framed[2] & 0xFF) << 16 | (framed[3] & 0xFF) << 8 | framed[4] & 0xFF;
    }
}
