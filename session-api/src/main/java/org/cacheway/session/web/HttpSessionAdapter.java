package org.cacheway.session.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.session.Session;
import org.cacheway.session.SessionExpiry;

/**
 * The {@link HttpSession} face of one request's {@link Session}: attributes go through the
 * {@link AttributeCodec} into the session data, {@link #setMaxInactiveInterval} is Django's
 * {@code set_expiry} in seconds, {@link #invalidate()} is {@code flush()}. Decoded attributes are
 * kept for the rest of the request, so two reads give the same object. Django keeps no creation or
 * access time, so both report when this request opened the session.
 */
final class HttpSessionAdapter implements HttpSession {
    private final Session session;
    private final AttributeCodec codec;
    private final SessionEvents events;
    private final ServletContext context;
    private final boolean isNew;
    private final long openedAt;
    private final Map<String, Object> decoded = new HashMap<>();
    private boolean valid = true;

    HttpSessionAdapter(Session session, AttributeCodec codec, SessionEvents events, ServletContext context,
            boolean isNew, long openedAt) {
        this.session = session;
        this.codec = codec;
        this.events = events;
        this.context = context;
        this.isNew = isNew;
        this.openedAt = openedAt;
    }

    /** Whether {@link #invalidate()} has not been called. */
    boolean isValid() {
        return valid;
    }

    /** The session key, created (and stored) now when the session has none yet. */
    @Override
    public String getId() {
        checkValid();
        if (session.sessionKey() == null || session.sessionKey().isEmpty()) {
            session.save();
        }
        return session.sessionKey();
    }

    @Override
    public long getCreationTime() {
        checkValid();
        return openedAt;
    }

    @Override
    public long getLastAccessedTime() {
        checkValid();
        return openedAt;
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    /**
     * Django's {@code set_expiry(seconds)}; the servlet spec's "never" (zero or less) has no Django
     * counterpart, as every session store entry has a timeout.
     */
    @Override
    public void setMaxInactiveInterval(int interval) {
        checkValid();
        if (interval <= 0) {
            throw new IllegalArgumentException("setMaxInactiveInterval(" + interval + "): a Cacheway session always"
                    + " expires; give a positive number of seconds (SESSION_COOKIE_AGE is the default)");
        }
        session.setExpiry(interval);
    }

    @Override
    public int getMaxInactiveInterval() {
        return (int) Math.min(Integer.MAX_VALUE, session.getExpiryAge());
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        if (decoded.containsKey(name)) {
            return decoded.get(name);
        }
        Object value = codec.decode(session.get(name));
        if (value != null) {
            decoded.put(name, value);
        }
        return value;
    }

    /** The attribute names; Django's own {@code _session_expiry} entry is not one. */
    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        List<String> names = session.keys().stream().filter(name -> !SessionExpiry.KEY.equals(name)).toList();
        return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        if (value == null) {
            removeAttribute(name);
            return;
        }
        Object stored = codec.encode(value);
        Object old = getAttribute(name);
        if (old != value) {
            events.bound(this, name, value);
        }
        session.put(name, stored);
        decoded.put(name, value);
        if (old == null) {
            events.added(this, name, value);
        } else {
            if (old != value) {
                events.unbound(this, name, old);
            }
            events.replaced(this, name, old);
        }
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        Object old = getAttribute(name);
        if (old == null) {
            return;
        }
        session.pop(name, null);
        decoded.remove(name);
        events.unbound(this, name, old);
        events.removed(this, name, old);
    }

    /** Unbinds every attribute, then Django's {@code flush()}: the record is deleted and the cookie with it. */
    @Override
    public void invalidate() {
        checkValid();
        for (String name : Collections.list(getAttributeNames())) {
            removeAttribute(name);
        }
        valid = false;
        session.flush();
    }

    @Override
    public boolean isNew() {
        checkValid();
        return isNew;
    }

    private void checkValid() {
        if (!valid) {
            throw new IllegalStateException("The session was invalidated");
        }
    }
}
