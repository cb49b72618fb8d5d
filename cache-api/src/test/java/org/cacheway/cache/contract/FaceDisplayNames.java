package org.cacheway.cache.contract;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names each face of {@link CacheContractTest} after the backend class that runs it
 * ({@code RedisCacheContractIT: synchronous face}), so that test reports tell the backends apart
 * although every backend inherits the same nested classes.
 */
final class FaceDisplayNames extends DisplayNameGenerator.Standard {
    @Override
    public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
        String backend = enclosingInstanceTypes.stream().map(Class::getSimpleName).collect(Collectors.joining("$"));
        String face = nestedClass.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return backend + ": " + face;
    }
}
