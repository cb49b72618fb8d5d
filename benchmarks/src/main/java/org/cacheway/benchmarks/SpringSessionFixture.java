package org.cacheway.benchmarks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * W6 for Spring Session: a {@link RedisSessionRepository} on {@link SpringPeer}'s connection,
 * with the template {@code @EnableRedisHttpSession} builds (string keys and hash keys) and the
 * JSON serializer for attributes, as Cacheway's sessions are JSON (Spring Session's default, JDK
 * serialization, is slower); sessions live for Django's cookie age. 1,000 sessions with the 7
 * attributes of Cacheway's W6 fixture, and the cycle: {@code findById}, read {@code visits},
 * {@code setAttribute("visits", n + 1)}, {@code save}.
 */
public final class SpringSessionFixture {
    private final SessionRepository<? extends Session> repository;
    private final String[] ids = new String[SessionFixture.SESSIONS];

    /** Builds the repository and creates its sessions. */
    public SpringSessionFixture(SpringPeer spring) {
        RedisTemplate<String, Object> template = new RedisTemplate<>();
        template.setKeySerializer(RedisSerializer.string());
        template.setHashKeySerializer(RedisSerializer.string());
        template.setDefaultSerializer(SpringPeer.JSON);
        template.setConnectionFactory(spring.connectionFactory());
        template.afterPropertiesSet();
        RedisSessionRepository sessions = new RedisSessionRepository(template);
        sessions.setDefaultMaxInactiveInterval(Duration.ofSeconds(SessionFixture.COOKIE_AGE));
        repository = sessions;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = create(sessions, i);
        }
    }

    private static <S extends Session> String create(SessionRepository<S> repository, int i) {
        S session = repository.createSession();
        BenchData.sessionAttributes(i).forEach(session::setAttribute);
        repository.save(session);
        return session.getId();
    }

    /** One cycle on a random session. */
    public Session cycle() {
        return cycle(repository, ids[ThreadLocalRandom.current().nextInt(ids.length)]);
    }

    private static <S extends Session> S cycle(SessionRepository<S> repository, String id) {
        S session = repository.findById(id);
        Number visits = session.getAttribute(SessionFixture.COUNTER);
        session.setAttribute(SessionFixture.COUNTER, visits.longValue() + 1);
        repository.save(session);
        return session;
    }
}
