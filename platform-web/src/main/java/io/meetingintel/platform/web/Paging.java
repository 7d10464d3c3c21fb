package io.meetingintel.platform.web;

import java.util.List;

/** Validated {@code ?page=&size=} parameters: page from 0, size 1..200, 50 when absent. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static Paging of(Integer page, Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) {
            throw Problems.badRequest("page must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw Problems.badRequest("size must be between 1 and " + MAX_SIZE);
        }
        return new Paging(pageNumber, pageSize);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> Page<T> page(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }

    /** One page of a list: {@code {"items":[...],"page":0,"size":50,"total":N}}. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
