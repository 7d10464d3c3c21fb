package io.meetingintel.calendar.security;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String KEY_2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void encryptsWithAFreshIvAndDecryptsForTheSameOwnerOnly() {
        TokenCipher cipher = TokenCipher.of("k1", KEY_1, "");
        TokenCipher.Sealed first = cipher.encrypt("ya29.secret", "cal_1:access");
        TokenCipher.Sealed second = cipher.encrypt("ya29.secret", "cal_1:access");

        assertThat(first.keyId()).isEqualTo("k1");
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext()).doesNotContain("secret");
        assertThat(cipher.decrypt(first, "cal_1:access")).isEqualTo("ya29.secret");
        assertThatThrownBy(() -> cipher.decrypt(first, "cal_2:access")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationOldValuesStillDecryptAndNewOnesUseTheNewKey() {
        TokenCipher.Sealed old = TokenCipher.of("k1", KEY_1, null).encrypt("refresh", "owner");
        TokenCipher rotated = TokenCipher.of("k2", KEY_2, "k1:" + KEY_1);

        assertThat(rotated.decrypt(old, "owner")).isEqualTo("refresh");
        assertThat(rotated.encrypt("refresh", "owner").keyId()).isEqualTo("k2");
        assertThatThrownBy(() -> TokenCipher.of("k2", KEY_2, "").decrypt(old, "owner"))
                .hasMessageContaining("CALENDAR_TOKEN_OLD_KEYS");
    }

    @Test
    void refusesKeysThatAreNot32Bytes() {
        assertThatThrownBy(() -> TokenCipher.of("k1", Base64.getEncoder().encodeToString(new byte[16]), ""))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TokenCipher.of("k1", "not base64!", "")).hasMessageContaining("base64");
        assertThatThrownBy(() -> TokenCipher.of("k1", KEY_1, "missing-colon")).hasMessageContaining("id:base64key");
    }
}
