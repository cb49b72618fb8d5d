/**
 * The typed JSON serializer ({@code OPTIONS['SERIALIZER'] = 'typed_json'}): django-redis's JSON with
 * a type id on records and POJOs, whose classes are an explicit allow-list.
 */
package org.cacheway.spring.json;
