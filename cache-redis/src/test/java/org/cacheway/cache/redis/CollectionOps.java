package org.cacheway.cache.redis;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.cacheway.cache.base.Stages;

/**
 * The hash and set operations with {@link RedisCache}'s synchronous signatures, so that one suite
 * runs them on either face: {@link #synchronous} calls the cache's methods, {@link #awaiting}
 * calls {@link RedisAsyncCollections}'s namesakes and waits for their futures ({@code sscanAll}
 * is {@code sscanIter} collected on the synchronous face).
 */
interface CollectionOps {
    long hset(String name, String key, Object value);

    long hdel(String name, String key);

    long hlen(String name);

    List<String> hkeys(String name);

    boolean hexists(String name, String key);

    Object hget(String name, String key);

    long sadd(String key, Object... members);

    long srem(String key, Object... members);

    long scard(String key);

    boolean sismember(String key, Object member);

    List<Boolean> smismember(String key, Object... members);

    Set<Object> smembers(String key);

    Object spop(String key);

    Set<Object> spop(String key, int count);

    Object srandmember(String key);

    List<Object> srandmember(String key, int count);

    boolean smove(String source, String destination, Object member);

    Set<Object> sdiff(String... keys);

    Set<Object> sinter(String... keys);

    Set<Object> sunion(String... keys);

    long sdiffstore(String destination, String... keys);

    long sdiffstore(String destination, int versionDestination, int versionKeys, String... keys);

    long sinterstore(String destination, String... keys);

    long sunionstore(String destination, String... keys);

    Set<Object> sscan(String key, String match, int count);

    Set<Object> sscanAll(String key, String match, int count);

    /** The operations on the cache's synchronous methods. */
    static CollectionOps synchronous(RedisCache cache) {
        return proxy((method, args) -> {
            if (method.getName().equals("sscanAll")) {
                Set<Object> all = new LinkedHashSet<>();
                cache.sscanIter((String) args[0], (String) args[1], (Integer) args[2]).forEachRemaining(all::add);
                return all;
            }
            return invoke(RedisCache.class.getMethod(method.getName(), method.getParameterTypes()), cache, args);
        });
    }

    /** The operations on the asynchronous twins, awaited. */
    static CollectionOps awaiting(RedisCache cache) {
        return proxy((method, args) -> Stages.await((CompletableFuture<?>) invoke(RedisAsyncCollections.class
                .getMethod(method.getName(), method.getParameterTypes()), cache.asyncCollections(), args)));
    }

    /** How a proxied call is answered. */
    interface Handler {
        Object answer(Method method, Object[] args) throws Throwable;
    }

    private static CollectionOps proxy(Handler handler) {
        return (CollectionOps) Proxy.newProxyInstance(CollectionOps.class.getClassLoader(),
                new Class<?>[] {CollectionOps.class}, (self, method, args) -> handler.answer(method, args));
    }

    private static Object invoke(Method target, Object receiver, Object[] args) throws Throwable {
        try {
            return target.invoke(receiver, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
