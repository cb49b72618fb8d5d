package org.cacheway.examples.spring;

/**
 * What the shop sells; cached as typed JSON, so a Django app reads it as a dict with {@code "@class"}.
 *
 * @param id the product's id
 * @param name its name
 * @param priceCents its price in cents
 */
public record Product(String id, String name, long priceCents) {
}
