package io.meetingintel.calendar.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Validated {@code ?page=&size=} parameters: page from 0, size 1..200, 50 when absent. */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    static Paging of(Integer page, Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) {
            throw badRequest("page must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw badRequest("size must be between 1 and " + MAX_SIZE);
        }
        return new Paging(pageNumber, pageSize);
    }

    int offset() {
        return page * size;
    }

    <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }

    static ErrorResponseException badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** One page of a list: {"items":[...],"page":0,"size":50,"total":N}. */
    record Page<T>(List<T> items, int page, int size, long total) {
    }
}
