package io.meetingintel.pipeline.ingest;

/** A frame the pipeline cannot accept; the message goes back to the bot. */
class InvalidFrameException extends Exception {

    InvalidFrameException(String message) {
        super(message, null, false, false);
    }
}
