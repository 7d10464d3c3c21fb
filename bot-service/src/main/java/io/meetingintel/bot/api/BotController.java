package io.meetingintel.bot.api;

import io.meetingintel.bot.domain.BotStatus;
import io.meetingintel.bot.lifecycle.BotCommands;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
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
    ResponseEntity<BotView> create(CurrentUser user, @Valid @RequestBody CreateBotRequest request) {
        var bot = commands.create(user.id(), request.meetingUrl(), request.meetingId());
        return ResponseEntity.created(URI.create("/api/bots/" + bot.id())).body(BotView.of(bot));
    }

    @GetMapping("/{id}")
    BotView get(CurrentUser user, @PathVariable String id) {
        return BotView.of(commands.getOwned(user.id(), id));
    }

    @GetMapping
    PageView<BotView> list(CurrentUser user,
                           @RequestParam(required = false) String status,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var found = commands.list(user.id(), parseStatus(status), page, size);
        return new PageView<>(found.items().stream().map(BotView::of).toList(), found.page(), found.size(),
                found.total());
    }

    /** Idempotent; 202 because the provider takes the bot out of the call asynchronously. */
    @PostMapping("/{id}/leave")
    ResponseEntity<BotView> leave(CurrentUser user, @PathVariable String id) {
        return ResponseEntity.accepted().body(BotView.of(commands.leave(user.id(), id)));
    }

    private static BotStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return BotStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Unknown status '" + status
                    + "'; one of " + Arrays.toString(BotStatus.values()).toLowerCase(Locale.ROOT));
            problem.setTitle("Invalid status filter");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
        }
    }
}
