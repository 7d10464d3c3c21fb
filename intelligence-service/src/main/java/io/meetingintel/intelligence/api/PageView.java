package io.meetingintel.intelligence.api;

import java.util.List;

/** A page of a list: {@code {"items":[...],"page":0,"size":50,"total":N}}. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
