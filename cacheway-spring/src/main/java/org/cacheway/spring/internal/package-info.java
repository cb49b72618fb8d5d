/** Not API: the plugin that registers cacheway-spring's settings names, found by ServiceLoader. */
package org.cacheway.spring.internal;
