package io.meetingintel.bot.api;

/** The user the gateway authenticated (header X-User-Id). */
record CurrentUser(String id) {

    static final String HEADER = "X-User-Id";
}
