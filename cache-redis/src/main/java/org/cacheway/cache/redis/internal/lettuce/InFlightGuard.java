package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.protocol.CommandHandler;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Collection;

/**
 * At most once for commands in flight: when a connection drops, the commands it had sent and not
 * seen answered fail at once with a connection error, instead of being sent again after the
 * reconnect, which Lettuce does by default (its auto-reconnect is "at least once": an
 * {@code INCR} whose reply was lost in a {@code CLIENT KILL} would be applied twice). Such a
 * command may or may not have been applied; the caller is told so and decides. A handler put in
 * front of Lettuce's {@link CommandHandler} on every channel of the alias, through the alias's
 * {@link NettyCustomizer}: it takes the unanswered commands off the handler's stack before the
 * handler hands them to the reconnect buffer. Commands that were never sent (written while
 * disconnected, where the cluster client queues them) are still sent once after the reconnect.
 */
final class InFlightGuard extends ChannelInboundHandlerAdapter {
    private static final String NAME = "cacheway-in-flight-guard";

    private final CommandHandler commands;

    private InFlightGuard(CommandHandler commands) {
        this.commands = commands;
    }

    /** {@code shared}, also putting a guard in front of the command handler of every channel. */
    static NettyCustomizer around(NettyCustomizer shared) {
        return new NettyCustomizer() {
            @Override
            public void afterBootstrapInitialized(Bootstrap bootstrap) {
                shared.afterBootstrapInitialized(bootstrap);
            }

            @Override
            public void afterChannelInitialized(Channel channel) {
                shared.afterChannelInitialized(channel);
                ChannelHandlerContext handler = channel.pipeline().context(CommandHandler.class);
                if (handler != null && channel.pipeline().get(NAME) == null) {
                    channel.pipeline().addBefore(handler.name(), NAME,
                            new InFlightGuard((CommandHandler) handler.handler()));
                }
            }
        };
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Collection<RedisCommand<?, ?, ?>> unanswered = commands.drainQueue();
        if (!unanswered.isEmpty()) {
            RedisConnectionException lost = new RedisConnectionException("Connection lost with the command in flight; "
                    + "it is not sent again and may or may not have been applied");
            unanswered.forEach(command -> command.completeExceptionally(lost));
        }
        super.channelInactive(ctx);
    }
}
