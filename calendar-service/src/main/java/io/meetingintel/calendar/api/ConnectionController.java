package io.meetingintel.calendar.api;

import io.meetingintel.calendar.api.ConnectionViews.ConnectionView;
import io.meetingintel.calendar.api.ConnectionViews.CreateConnectionRequest;
import io.meetingintel.calendar.api.ConnectionViews.SyncResultView;
import io.meetingintel.calendar.connection.CalendarConnection;
import io.meetingintel.calendar.connection.CalendarConnections;
import io.meetingintel.platform.web.CurrentUser;
import io.meetingintel.platform.web.Paging;

import jakarta.validation.Valid;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A user's calendar connections. Another user's connection is answered 404, as if it did not exist. */
@RestController
@RequestMapping("/api/calendar/connections")
class ConnectionController {

    private final CalendarConnections connections;

    ConnectionController(CalendarConnections connections) {
        this.connections = connections;
    }

    /** 201 with the new connection after its first sync; 200 with the existing one for a feed already connected. */
    @PostMapping
    ResponseEntity<ConnectionView> create(@CurrentUser String userId,
                                          @Valid @RequestBody CreateConnectionRequest request) {
        CalendarConnections.Connected connected = connections.connect(userId, request.name(), request.icsUrl());
        ConnectionView view = view(connected.connection());
        return connected.created()
                ? ResponseEntity.created(URI.create("/api/calendar/connections/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping
    Paging.Page<ConnectionView> list(@CurrentUser String userId, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return paging.page(connections.page(userId, paging.offset(), paging.size()).stream().map(this::view).toList(),
                connections.count(userId));
    }

    @GetMapping("/{id}")
    ConnectionView get(@CurrentUser String userId, @PathVariable String id) {
        return view(connections.get(userId, id));
    }

    @PostMapping("/{id}/sync")
    SyncResultView sync(@CurrentUser String userId, @PathVariable String id) {
        return SyncResultView.of(connections.syncNow(userId, id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@CurrentUser String userId, @PathVariable String id) {
        connections.disconnect(userId, id);
    }

    private ConnectionView view(CalendarConnection connection) {
        return ConnectionView.of(connection, connections.nextSync(connection.id()).orElse(null),
                connections.activeMeetings(connection.id()));
    }
}
