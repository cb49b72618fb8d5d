package org.cacheway.examples.spring;

import org.cacheway.examples.RedisServerProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The shop: {@code application.properties} configures Cacheway. Run with {@code REDIS_URL} set
 * (such as {@code redis://127.0.0.1:6379/1}) to use that Redis, else a {@code redis-server} is
 * started here for as long as the shop runs.
 */
@SpringBootApplication
@EnableCaching
public class ShopApplication {
    /** Starts the shop on port 8080 (or {@code --server.port=...}). */
    public static void main(String[] args) {
        String location = System.getenv("REDIS_URL");
        if (location == null) {
            RedisServerProcess redis = RedisServerProcess.start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
            location = "redis://127.0.0.1:" + redis.port() + "/1";
            System.out.println("No REDIS_URL: started " + redis.description() + " at " + location);
        }
        System.setProperty("cacheway.caches.default.location", location);
        SpringApplication.run(ShopApplication.class, args);
    }
}
