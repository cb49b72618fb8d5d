package org.cacheway.session.web;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import java.util.EventListener;
import java.util.List;

/**
 * The servlet spec's session notifications: {@link HttpSessionBindingListener} values hear that
 * they were bound or unbound, the registered {@link HttpSessionAttributeListener}s hear every
 * attribute added, replaced and removed, the {@link HttpSessionIdListener}s every changed id.
 */
final class SessionEvents {
    private final List<HttpSessionAttributeListener> attributeListeners;
    private final List<HttpSessionIdListener> idListeners;

    /**
     * Takes the attribute and id listeners out of {@code listeners}.
     *
     * @throws IllegalArgumentException for a listener that is neither
     */
    SessionEvents(List<? extends EventListener> listeners) {
        for (EventListener listener : listeners) {
            if (!(listener instanceof HttpSessionAttributeListener) && !(listener instanceof HttpSessionIdListener)) {
                throw new IllegalArgumentException(listener.getClass().getName() + " is neither an"
                        + " HttpSessionAttributeListener nor an HttpSessionIdListener");
            }
        }
        this.attributeListeners = only(listeners, HttpSessionAttributeListener.class);
        this.idListeners = only(listeners, HttpSessionIdListener.class);
    }

    private static <T> List<T> only(List<? extends EventListener> listeners, Class<T> type) {
        return listeners.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void bound(HttpSession session, String name, Object value) {
        if (value instanceof HttpSessionBindingListener listener) {
            listener.valueBound(new HttpSessionBindingEvent(session, name, value));
        }
    }

    void unbound(HttpSession session, String name, Object value) {
        if (value instanceof HttpSessionBindingListener listener) {
            listener.valueUnbound(new HttpSessionBindingEvent(session, name, value));
        }
    }

    void added(HttpSession session, String name, Object value) {
        HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, value);
        attributeListeners.forEach(listener -> listener.attributeAdded(event));
    }

    /** {@code old} is the value replaced, as the spec's event carries. */
    void replaced(HttpSession session, String name, Object old) {
        HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, old);
        attributeListeners.forEach(listener -> listener.attributeReplaced(event));
    }

    void removed(HttpSession session, String name, Object old) {
        HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, old);
        attributeListeners.forEach(listener -> listener.attributeRemoved(event));
    }

    void idChanged(HttpSession session, String oldId) {
        HttpSessionEvent event = new HttpSessionEvent(session);
        idListeners.forEach(listener -> listener.sessionIdChanged(event, oldId));
    }
}
