package io.meetingintel.calendar.rules;

import io.meetingintel.calendar.classify.MeetingClassifier;
import io.meetingintel.platform.web.Problems;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Users' own meeting type rules, on top of the bundled defaults. A changed rule applies from the next sync: meetings
 * whose type changes are announced as UPDATED then.
 */
@Service
public class UserRules {

    private static final Logger log = LoggerFactory.getLogger(UserRules.class);
    private static final SecureRandom ID_RANDOM = new SecureRandom();

    private final UserRuleRepository rules;
    private final MeetingClassifier defaults;
    private final Clock clock;

    public UserRules(UserRuleRepository rules, MeetingClassifier defaults, Clock clock) {
        this.rules = rules;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The user's rules first, in position order, then the defaults. */
    public MeetingClassifier classifierFor(String userId) {
        return defaults.withRulesFirst(rules.findAll(userId).stream().map(UserRule::rule).toList());
    }

    /** @throws InvalidRuleException listing every problem */
    public void validate(RuleRequest request) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
    }

    public UserRule create(String userId, RuleRequest request) {
        validate(request);
        Instant now = clock.instant();
        UserRule rule = new UserRule(newId(), userId,
                request.position() == null ? rules.nextPosition(userId) : request.position(), request.toRule(), now,
                now);
        rules.insert(rule);
        log.info("User {} added meeting type rule {} ({})", userId, rule.id(), rule.rule().meetingType());
        return rule;
    }

    public UserRule update(String userId, String id, RuleRequest request) {
        UserRule existing = get(userId, id);
        validate(request);
        UserRule rule = new UserRule(id, userId,
                request.position() == null ? existing.position() : request.position(), request.toRule(),
                existing.createdAt(), clock.instant());
        rules.update(rule);
        log.info("User {} changed meeting type rule {} ({})", userId, id, rule.rule().meetingType());
        return rule;
    }

    public void delete(String userId, String id) {
        if (!rules.delete(userId, id)) {
            throw notFound(id);
        }
        log.info("User {} deleted meeting type rule {}", userId, id);
    }

    public UserRule get(String userId, String id) {
        return rules.find(userId, id).orElseThrow(() -> notFound(id));
    }

    public List<UserRule> page(String userId, long offset, int limit) {
        return rules.findPage(userId, offset, limit);
    }

    public long count(String userId) {
        return rules.count(userId);
    }

    private static RuntimeException notFound(String id) {
        return Problems.notFound("Meeting type rule " + id + " not found");
    }

    private static String newId() {
        byte[] random = new byte[10];
        ID_RANDOM.nextBytes(random);
        return "rule_" + HexFormat.of().formatHex(random);
    }
}
