package io.meetingintel.meeting.api;

import java.util.List;

/** One page of a list: {@code {"items":[...],"page":0,"size":50,"total":N}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
