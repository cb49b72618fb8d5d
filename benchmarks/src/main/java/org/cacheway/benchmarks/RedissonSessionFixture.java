package org.cacheway.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;

/**
 * W6 for Redisson, which has no session store of its own outside its Tomcat integration: a
 * session is an {@link RMap} (one Redis hash, the JSON codec) holding the 7 attributes of
 * Cacheway's W6 fixture, 1,000 of them, and the cycle: {@code readAllMap}, {@code fastPut} of
 * {@code visits + 1}, {@code expire} for Django's cookie age.
 */
public final class RedissonSessionFixture {
    private static final Duration COOKIE_AGE = Duration.ofSeconds(SessionFixture.COOKIE_AGE);

    private final RedissonClient client;
    private final String[] names = new String[SessionFixture.SESSIONS];

    /** Creates the sessions. */
    public RedissonSessionFixture(RedissonPeer redisson) {
        this.client = redisson.client();
        for (int i = 0; i < names.length; i++) {
            names[i] = "redisson:session:" + i;
            RMap<String, Object> session = client.getMap(names[i]);
            session.putAll(BenchData.sessionAttributes(i));
            session.expire(COOKIE_AGE);
        }
    }

    /** One cycle on a random session; returns the attributes it loaded. */
    public Map<String, Object> cycle() {
        RMap<String, Object> session = client.getMap(names[ThreadLocalRandom.current().nextInt(names.length)]);
        Map<String, Object> attributes = session.readAllMap();
        long visits = ((Number) attributes.get(SessionFixture.COUNTER)).longValue();
        session.fastPut(SessionFixture.COUNTER, visits + 1);
        session.expire(COOKIE_AGE);
        return attributes;
    }
}
