package org.cacheway.session.signed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cacheway.session.JsonModel;

/**
 * Django's {@code django.core.signing.dumps}/{@code loads} with the JSON serializer and
 * {@code TimestampSigner}: {@code [.]base64url(json):base62(time):base64url(HMAC-SHA256)}, the HMAC
 * key being {@code SHA256(salt + "signer" + SECRET_KEY)}, zlib only when it saves more than one
 * byte. Signatures are compared in constant time.
 */
public final class Signing {
    /** Django's default salt for {@code signing.dumps}. */
    public static final String DEFAULT_SALT = "django.core.signing";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final byte[] hmacKey;
    private final Clock clock;

    /** A signer for {@code salt} and {@code secretKey}, timestamps from {@code clock}. */
    public Signing(String secretKey, String salt, Clock clock) {
        Objects.requireNonNull(secretKey, "secretKey");
        this.hmacKey = sha256((salt + "signer" + secretKey).getBytes(StandardCharsets.UTF_8));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Django's {@code signing.dumps(value, salt=..., compress=True)}. */
    public String dumps(Object value) {
        byte[] json = PythonJson.dumps(value).getBytes(StandardCharsets.ISO_8859_1);
        byte[] compressed = deflate(json);
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
        byte[] expected = signature(timestamped).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signed.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
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
            return JsonModel.normalize(JSON.readValue(compressed ? inflate(data) : data, Object.class));
        } catch (IllegalArgumentException | DataFormatException | java.io.IOException e) {
            throw new BadSignatureException("Bad payload: " + e.getMessage());
        }
    }

    private String signature(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(6);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] data) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated zlib data");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
