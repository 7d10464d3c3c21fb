package io.meetingintel.calendar.rules;

import io.meetingintel.platform.web.CurrentUser;
import io.meetingintel.platform.web.Paging;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The calling user's own meeting type rules (checked before the defaults). */
@RestController
@RequestMapping("/api/calendar/rules")
class RuleController {

    private final UserRules rules;

    RuleController(UserRules rules) {
        this.rules = rules;
    }

    record RuleView(String id, int position, String meetingType, List<String> keywords, Integer minAttendees,
                    Integer maxAttendees, int prepHoursBefore, Instant createdAt, Instant updatedAt) {

        static RuleView of(UserRule rule) {
            return new RuleView(rule.id(), rule.position(), rule.rule().meetingType(), rule.rule().keywords(),
                    rule.rule().minAttendees(), rule.rule().maxAttendees(), rule.rule().prepHoursBefore(),
                    rule.createdAt(), rule.updatedAt());
        }
    }

    @GetMapping
    Paging.Page<RuleView> list(@CurrentUser String userId, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return paging.page(rules.page(userId, paging.offset(), paging.size()).stream().map(RuleView::of).toList(),
                rules.count(userId));
    }

    @PostMapping
    ResponseEntity<RuleView> create(@CurrentUser String userId, @RequestBody RuleRequest request) {
        RuleView view = RuleView.of(rules.create(userId, request));
        return ResponseEntity.created(URI.create("/api/calendar/rules/" + view.id())).body(view);
    }

    /** Checks a rule without saving it: 200 when it is valid, 400 listing its problems otherwise. */
    @PostMapping("/validate")
    Map<String, Object> validate(@CurrentUser String userId, @RequestBody RuleRequest request) {
        rules.validate(request);
        return Map.of("valid", true);
    }

    @GetMapping("/{id}")
    RuleView get(@CurrentUser String userId, @PathVariable String id) {
        return RuleView.of(rules.get(userId, id));
    }

    @PutMapping("/{id}")
    RuleView update(@CurrentUser String userId, @PathVariable String id, @RequestBody RuleRequest request) {
        return RuleView.of(rules.update(userId, id, request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@CurrentUser String userId, @PathVariable String id) {
        rules.delete(userId, id);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRuleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid meeting type rule");
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
