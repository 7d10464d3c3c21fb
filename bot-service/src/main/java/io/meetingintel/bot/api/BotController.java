package io.meetingintel.bot.api;

import io.meetingintel.bot.domain.BotStatus;
import io.meetingintel.bot.lifecycle.BotCommands;
import io.meetingintel.platform.web.CurrentUser;
import io.meetingintel.platform.web.Paging;
import io.meetingintel.platform.web.Problems;

import jakarta.validation.Valid;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The user's meeting bots (seed 003): send one into a call, follow its status, ask it to leave. */
@RestController
@RequestMapping("/api/bots")
class BotController {

    private final BotCommands commands;

    BotController(BotCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<BotView> create(@CurrentUser String userId, @Valid @RequestBody CreateBotRequest request) {
        var bot = commands.create(userId, request.meetingUrl(), request.meetingId());
        return ResponseEntity.created(URI.create("/api/bots/" + bot.id())).body(BotView.of(bot));
    }

    @GetMapping("/{id}")
    BotView get(@CurrentUser String userId, @PathVariable String id) {
        return BotView.of(commands.getOwned(userId, id));
    }

    @GetMapping
    Paging.Page<BotView> list(@CurrentUser String userId,
                              @RequestParam(required = false) String status,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        BotStatus filter = parseStatus(status);
        return paging.page(commands.list(userId, filter, paging.offset(), paging.size()).stream()
                .map(BotView::of).toList(), commands.count(userId, filter));
    }

    /** Idempotent; 202 because the provider takes the bot out of the call asynchronously. */
    @PostMapping("/{id}/leave")
    ResponseEntity<BotView> leave(@CurrentUser String userId, @PathVariable String id) {
        return ResponseEntity.accepted().body(BotView.of(commands.leave(userId, id)));
    }

    private static BotStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return BotStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "Invalid status filter", "Unknown status '" + status
                    + "'; one of " + Arrays.toString(BotStatus.values()).toLowerCase(Locale.ROOT));
        }
    }
}
