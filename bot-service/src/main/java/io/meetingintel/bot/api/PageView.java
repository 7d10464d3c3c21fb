package io.meetingintel.bot.api;

import java.util.List;

record PageView<T>(List<T> items, int page, int size, long total) {
}
