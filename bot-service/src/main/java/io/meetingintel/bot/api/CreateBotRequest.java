package io.meetingintel.bot.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param meetingUrl conference link (http/https, Google Meet, Zoom, Teams or Webex)
 * @param meetingId  platform meeting id the bot belongs to; omitted for an ad-hoc call
 */
record CreateBotRequest(
        @NotBlank @Size(max = 2048) String meetingUrl,
        @Size(min = 1, max = 200) @Pattern(regexp = "[A-Za-z0-9_.:-]+",
                message = "may contain only letters, digits and _ . : -") String meetingId) {
}
