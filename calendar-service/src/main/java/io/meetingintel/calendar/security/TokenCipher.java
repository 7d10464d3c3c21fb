package io.meetingintel.calendar.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM: a fresh random 12-byte IV per value, stored in front of the ciphertext,
 * and the owning row's id as associated data (a value copied to another row does not decrypt). New values use the
 * current key; values written under an older key still decrypt while that key is listed (key rotation).
 */
public final class TokenCipher {

    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    /** An encrypted value and the id of the key it was encrypted with. */
    public record Sealed(String keyId, String ciphertext) {
    }

    private TokenCipher(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * @param currentKey base64 of 32 random bytes
     * @param oldKeys    "id:base64,id:base64" of keys that only decrypt; blank for none
     * @throws IllegalArgumentException when a key is not base64 of 32 bytes or the list is malformed
     */
    public static TokenCipher of(String currentKeyId, String currentKey, String oldKeys) {
        if (currentKeyId == null || currentKeyId.isBlank()) {
            throw new IllegalArgumentException("CALENDAR_TOKEN_KEY_ID must not be blank");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        if (oldKeys != null && !oldKeys.isBlank()) {
            for (String entry : oldKeys.split(",")) {
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("CALENDAR_TOKEN_OLD_KEYS entries must look like id:base64key");
                }
                String id = entry.substring(0, colon).strip();
                keys.put(id, key(id, entry.substring(colon + 1).strip()));
            }
        }
        keys.put(currentKeyId, key(currentKeyId, currentKey));
        return new TokenCipher(currentKeyId, keys);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** @param owner id of the row the value belongs to, bound as associated data */
    public Sealed encrypt(String plaintext, String owner) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = ByteBuffer.allocate(iv.length + encrypted.length).put(iv).put(encrypted).array();
            return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the key is unknown or the value was tampered with */
    public String decrypt(Sealed sealed, String owner) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("Token encryption key '" + sealed.keyId()
                    + "' is not configured (add it to CALENDAR_TOKEN_OLD_KEYS)");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored token cannot be decrypted with key '" + sealed.keyId() + "'", e);
        }
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Token encryption key '" + id + "' is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("Token encryption key '" + id + "' must be " + KEY_BYTES
                    + " bytes (base64 of `openssl rand -base64 32`), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
