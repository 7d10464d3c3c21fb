package io.meetingintel.calendar.google;

import io.meetingintel.calendar.feed.FeedException;

import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Events;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything this service asks Google, through Google's own Java clients (endpoints configurable, so tests and
 * sandboxes can point them elsewhere). Rate limits, 5xx and network errors are retried with exponential backoff and
 * jitter; what retrying cannot fix becomes {@link GoogleAccessLostException} (our grant is gone),
 * {@link SyncTokenExpiredException} (410) or {@link FeedException} (Google unavailable for now).
 */
public class GoogleApi {

    private static final Logger log = LoggerFactory.getLogger(GoogleApi.class);
    private static final String APPLICATION = "meeting-intelligence-calendar";
    private static final int PAGE_SIZE = 250;
    private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded",
            "quotaExceeded");
    /**
     * 403 reasons that mean this user's grant no longer reads the calendar. Others (dailyLimitExceeded,
     * accessNotConfigured...) are the operator's project settings: a failed sync, retried at the next poll, rather
     * than a disconnection of every user at once.
     */
    private static final Set<String> ACCESS_LOST_REASONS = Set.of("insufficientPermissions", "forbidden");

    private final GoogleProperties properties;
    private final Clock clock;
    private final HttpTransport transport = new NetHttpTransport();
    private final JsonFactory json = GsonFactory.getDefaultInstance();

    public GoogleApi(GoogleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Where the user grants us read access: offline (a refresh token), always with the consent screen. */
    public String authorizationUrl(String state) {
        return new AuthorizationCodeRequestUrl(properties.authUri(), properties.clientId())
                .setRedirectUri(properties.redirectUri())
                .setScopes(properties.scopes())
                .setState(state)
                .set("access_type", "offline")
                .set("prompt", "consent")
                .set("include_granted_scopes", "true")
                .build();
    }

    /** @throws GoogleAccessLostException when Google refuses the code (invalid_grant) */
    public GoogleTokens exchangeCode(String code) {
        return call("token exchange", () -> tokens(new AuthorizationCodeTokenRequest(transport, json,
                new GenericUrl(properties.tokenUri()), code)
                .setRedirectUri(properties.redirectUri())
                .setClientAuthentication(clientAuthentication())
                .setRequestInitializer(timeouts())
                .execute()));
    }

    /** @throws GoogleAccessLostException when the refresh token was revoked or expired (invalid_grant) */
    public GoogleTokens refresh(String refreshToken) {
        return call("token refresh", () -> tokens(new RefreshTokenRequest(transport, json,
                new GenericUrl(properties.tokenUri()), refreshToken)
                .setClientAuthentication(clientAuthentication())
                .setRequestInitializer(timeouts())
                .execute()));
    }

    /** Revokes the grant (the refresh token revokes the access tokens with it); an already invalid one is fine. */
    public void revoke(String token) {
        int status = call("token revocation", () -> {
            HttpResponse response = transport.createRequestFactory(timeouts())
                    .buildPostRequest(new GenericUrl(properties.revokeUri()), new UrlEncodedContent(Map.of("token", token)))
                    .setThrowExceptionOnExecuteError(false)
                    .execute();
            response.disconnect();
            if (response.getStatusCode() == 429 || response.getStatusCode() >= 500) {
                throw new HttpResponseException.Builder(response.getStatusCode(), response.getStatusMessage(),
                        new HttpHeaders()).build();
            }
            return response.getStatusCode();
        });
        if (status == 400) {
            log.info("Google says the token was already invalid; nothing to revoke");
        } else if (status != 200) {
            throw new FeedException("Google token revocation failed: " + status);
        }
    }

    /** The id (the account's email for "primary") and name of a calendar. */
    public record CalendarInfo(String id, String summary) {
    }

    public CalendarInfo calendar(String accessToken, String calendarId) {
        var calendar = call("calendar lookup",
                () -> client(accessToken).calendars().get(calendarId).execute());
        return new CalendarInfo(calendar.getId(), calendar.getSummary());
    }

    /**
     * One page of events: all of them ({@code syncToken} null: full sync) or the changes since the sync token.
     * Recurring events come expanded into instances, deleted ones included (status cancelled).
     *
     * @throws SyncTokenExpiredException when Google wants a full sync
     */
    public Events listEvents(String accessToken, String calendarId, String syncToken, String pageToken) {
        return call("events list", () -> {
            Calendar.Events.List list = client(accessToken).events().list(calendarId)
                    .setSingleEvents(true)
                    .setShowDeleted(true)
                    .setMaxResults(PAGE_SIZE)
                    .setPageToken(pageToken);
            if (syncToken != null) {
                list.setSyncToken(syncToken);
            }
            return list.execute();
        });
    }

    /** Opens a push channel: Google posts to our callback when the calendar's events change. */
    public Channel watch(String accessToken, String calendarId, String channelId, String channelToken, Instant expires) {
        Channel request = new Channel().setId(channelId).setType("web_hook").setAddress(properties.pushCallbackUrl())
                .setToken(channelToken).setExpiration(expires.toEpochMilli());
        return call("events watch", () -> client(accessToken).events().watch(calendarId, request).execute());
    }

    public void stopChannel(String accessToken, String channelId, String resourceId) {
        call("channel stop", () -> client(accessToken).channels()
                .stop(new Channel().setId(channelId).setResourceId(resourceId)).execute());
    }

    private Calendar client(String accessToken) {
        HttpRequestInitializer initializer = request -> {
            timeouts().initialize(request);
            request.getHeaders().setAuthorization("Bearer " + accessToken);
        };
        return new Calendar.Builder(transport, json, initializer)
                .setRootUrl(properties.apiRootUrl())
                .setApplicationName(APPLICATION)
                .build();
    }

    private HttpRequestInitializer timeouts() {
        return request -> request.setConnectTimeout((int) properties.http().connectTimeout().toMillis())
                .setReadTimeout((int) properties.http().readTimeout().toMillis());
    }

    private ClientParametersAuthentication clientAuthentication() {
        return new ClientParametersAuthentication(properties.clientId(), properties.clientSecret());
    }

    private GoogleTokens tokens(TokenResponse response) {
        Set<String> scopes = response.getScope() == null ? Set.of()
                : Arrays.stream(response.getScope().split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        long expiresIn = response.getExpiresInSeconds() == null ? 3600 : response.getExpiresInSeconds();
        return new GoogleTokens(response.getAccessToken(), response.getRefreshToken(),
                clock.instant().plusSeconds(expiresIn), scopes);
    }

    @FunctionalInterface
    private interface GoogleCall<T> {
        T execute() throws IOException;
    }

    private <T> T call(String what, GoogleCall<T> call) {
        GoogleProperties.Retry retry = properties.retry();
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                return call.execute();
            } catch (TokenResponseException e) {
                String error = e.getDetails() == null ? null : e.getDetails().getError();
                if ("invalid_grant".equals(error)) {
                    throw new GoogleAccessLostException("Google access was revoked or has expired (invalid_grant)");
                }
                failure = e.getStatusCode() + " " + error;
                if (!retryable(e.getStatusCode(), null)) {
                    throw new FeedException("Google " + what + " failed: " + failure);
                }
            } catch (GoogleJsonResponseException e) {
                String reason = reason(e.getDetails());
                int status = e.getStatusCode();
                failure = status + " " + reason;
                if (status == 410) {
                    throw new SyncTokenExpiredException();
                }
                if (status == 401) {
                    throw new AccessTokenRejectedException();
                }
                if (accessLost(status, reason)) {
                    throw new GoogleAccessLostException(accessDenied(reason));
                }
                if (!retryable(status, reason)) {
                    throw new FeedException("Google " + what + " failed: " + failure);
                }
            } catch (HttpResponseException e) {
                failure = e.getStatusCode() + " " + e.getStatusMessage();
                if (!retryable(e.getStatusCode(), null)) {
                    throw new FeedException("Google " + what + " failed: " + failure);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (attempt >= retry.maxAttempts()) {
                throw new FeedException("Google " + what + " failed after " + attempt + " attempts: " + failure);
            }
            Duration delay = backoff(attempt, retry);
            log.warn("Google {} failed ({}), attempt {} of {}; retrying in {} ms", what, failure, attempt,
                    retry.maxAttempts(), delay.toMillis());
            sleep(delay);
        }
    }

    /** Why a 403 ends the connection, naming the scope when the grant lacks it. */
    private String accessDenied(String reason) {
        String detail = "insufficientPermissions".equals(reason)
                ? "the grant lacks the scope " + String.join(" ", properties.scopes())
                : "the grant no longer allows reading it";
        return "Google denied access to the calendar (" + reason + "): " + detail;
    }

    /** Exponential, capped, with "equal jitter": between half and all of the exponential delay. */
    static Duration backoff(int attempt, GoogleProperties.Retry retry) {
        long exponential = retry.initialDelay().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(retry.maxDelay().toMillis(), exponential);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    static boolean accessLost(int status, String reason) {
        return status == 403 && ACCESS_LOST_REASONS.contains(reason);
    }

    static boolean retryable(int status, String reason) {
        return status == 429 || status >= 500 || (status == 403 && RATE_LIMIT_REASONS.contains(reason));
    }

    private static String reason(GoogleJsonError error) {
        if (error == null || error.getErrors() == null || error.getErrors().isEmpty()) {
            return error == null ? "unknown" : String.valueOf(error.getMessage());
        }
        return error.getErrors().getFirst().getReason();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("Interrupted while backing off from Google");
        }
    }

    /** 401: the access token is not (or no longer) accepted; a refresh may help once. */
    static class AccessTokenRejectedException extends RuntimeException {
        AccessTokenRejectedException() {
            super("Google rejected the access token (401)");
        }
    }
}
