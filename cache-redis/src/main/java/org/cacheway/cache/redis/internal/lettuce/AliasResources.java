package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.event.EventBus;
import io.lettuce.core.event.EventPublisherOptions;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DnsResolver;
import io.lettuce.core.resource.DnsResolvers;
import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.NettyCustomizer;
import io.lettuce.core.resource.SocketAddressResolver;
import io.lettuce.core.tracing.Tracing;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.Timer;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One alias's view of the registry's shared {@link ClientResources}: every part (event loops,
 * timer, event bus, latency recorder, tracing) is the shared one, only the reconnect delay is the
 * alias's ({@code RECONNECT_MAX_DELAY}) and every channel gets a guard that fails its commands in
 * flight when it drops instead of replaying them ({@link InFlightGuard}). Shutting the view down does nothing: the owner of the
 * shared resources (the registry, or the user who gave them) shuts them down.
 */
final class AliasResources implements ClientResources {
    private final ClientResources shared;
    private final Delay reconnectDelay;

    AliasResources(ClientResources shared, Delay reconnectDelay) {
        this.shared = shared;
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    public Delay reconnectDelay() {
        return reconnectDelay;
    }

    @Override
    public Builder mutate() {
        return shared.mutate().reconnectDelay(reconnectDelay);
    }

    @Override
    public Future<Boolean> shutdown() {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }

    @Override
    public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit timeUnit) {
        return shutdown();
    }

    @Override
    public AddressResolverGroup<?> addressResolverGroup() {
        return shared.addressResolverGroup();
    }

    /**
     * Lettuce 6.8's resolver, which 7 dropped from {@code ClientResources} (so no {@code @Override}):
     * 6.8's own default, leaving names to the shared {@link #addressResolverGroup()}.
     */
    public DnsResolver dnsResolver() {
        return DnsResolvers.UNRESOLVED;
    }

    @Override
    public EventPublisherOptions commandLatencyPublisherOptions() {
        return shared.commandLatencyPublisherOptions();
    }

    @Override
    public CommandLatencyRecorder commandLatencyRecorder() {
        return shared.commandLatencyRecorder();
    }

    @Override
    public int computationThreadPoolSize() {
        return shared.computationThreadPoolSize();
    }

    @Override
    public EventBus eventBus() {
        return shared.eventBus();
    }

    @Override
    public EventLoopGroupProvider eventLoopGroupProvider() {
        return shared.eventLoopGroupProvider();
    }

    @Override
    public EventExecutorGroup eventExecutorGroup() {
        return shared.eventExecutorGroup();
    }

    @Override
    public int ioThreadPoolSize() {
        return shared.ioThreadPoolSize();
    }

    /** The shared customizer, and the alias's guard for commands in flight ({@link InFlightGuard}). */
    @Override
    public NettyCustomizer nettyCustomizer() {
        return InFlightGuard.around(shared.nettyCustomizer());
    }

    @Override
    public SocketAddressResolver socketAddressResolver() {
        return shared.socketAddressResolver();
    }

    @Override
    public Timer timer() {
        return shared.timer();
    }

    @Override
    public Tracing tracing() {
        return shared.tracing();
    }
}
