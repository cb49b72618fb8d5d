package org.cacheway.session.signed;

import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.compressor.ZlibCompressor;
import org.cacheway.cache.serializer.JsonSerializer;

/**
 * Django's {@code django.core.signing.dumps}/{@code loads} with the JSON serializer and
 * {@code TimestampSigner}: {@code [.]base64url(json):base62(time):base64url(HMAC-SHA256)}, the HMAC
 * key being {@code SHA256(salt + "signer" + SECRET_KEY)}, zlib only when it saves more than one
 * byte. Signatures are compared in constant time.
 */
public final class Signing {
    /** Django's default salt for {@code signing.dumps}. */
    public static final String DEFAULT_SALT = "django.core.signing";

    /** Python's {@code json.dumps(separators=(',', ':'))}, as Django's signing writes. */
    private static final JsonSerializer JSON = JsonSerializer.compact();
    /** Python's {@code zlib.compress}, applied whatever the length; used only when it saves bytes. */
    private static final ZlibCompressor ZLIB = new ZlibCompressor(0, ZlibCompressor.DEFAULT_LEVEL);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final SaltedHmac hmac;
    private final Clock clock;

    /** A signer for {@code salt} and {@code secretKey}, timestamps from {@code clock}. */
    public Signing(String secretKey, String salt, Clock clock) {
        // Django's Signer: base64_hmac(salt + "signer", value, key), a salted_hmac.
        this.hmac = new SaltedHmac(salt + "signer", Objects.requireNonNull(secretKey, "secretKey"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Django's {@code signing.dumps(value, salt=..., compress=True)}. */
    public String dumps(Object value) {
        byte[] json = JSON.serialize(value);
        byte[] compressed = ZLIB.compress(json);
        String payload = compressed.length < json.length - 1
                ? "." + B64.encodeToString(compressed) : B64.encodeToString(json);
        String timestamped = payload + ":" + Base62.encode(clock.millis() / 1000);
        return timestamped + ":" + signature(timestamped);
    }

    /**
     * Django's {@code signing.loads(signed, max_age=maxAge)}: the value, normalised to the JSON model.
     *
     * @throws BadSignatureException when the signature is wrong, the value too old or the payload bad
     */
    public Object loads(String signed, long maxAgeSeconds) {
        int last = signed.lastIndexOf(':');
        if (last < 0) {
            throw new BadSignatureException("No \":\" found in value");
        }
        String timestamped = signed.substring(0, last);
        if (!SaltedHmac.constantTimeEquals(signature(timestamped), signed.substring(last + 1))) {
            throw new BadSignatureException("Signature does not match");
        }
        int stamp = timestamped.lastIndexOf(':');
        if (stamp < 0) {
            throw new BadSignatureException("No timestamp found in value");
        }
        long age = clock.millis() / 1000 - Base62.decode(timestamped.substring(stamp + 1));
        if (age > maxAgeSeconds) {
            throw new BadSignatureException("Signature age " + age + " > " + maxAgeSeconds + " seconds");
        }
        return decode(timestamped.substring(0, stamp));
    }

    private static Object decode(String payload) {
        try {
            boolean compressed = payload.startsWith(".");
            byte[] data = B64_DECODE.decode(compressed ? payload.substring(1) : payload);
            byte[] json = compressed ? ZLIB.decompress(data) : data;
            if (json == null) {
                throw new BadSignatureException("Bad payload: not zlib data");
            }
            return JSON.deserialize(json);
        } catch (IllegalArgumentException | CacheSerializationException e) {
            throw new BadSignatureException("Bad payload: " + e.getMessage());
        }
    }

    private String signature(String value) {
        return B64.encodeToString(hmac.digest(value));
    }
}
