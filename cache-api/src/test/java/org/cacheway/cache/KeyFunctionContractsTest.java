package org.cacheway.cache;

import java.util.List;
import org.cacheway.cache.contract.CustomKeyFunction;
import org.cacheway.cache.contract.KeyFunctionContract;
import org.junit.jupiter.api.Nested;

/** The default key function and the contract suite's Django test function pass the key-function contract. */
class KeyFunctionContractsTest {

    @Nested
    class Default extends KeyFunctionContract {
        @Override
        protected KeyFunction keyFunction() {
            return KeyFunction.DEFAULT;
        }

        @Override
        protected List<Example> examples() {
            return List.of(new Example("k", "", 1, ":1:k"), new Example("k", "cacheprefix", 1, "cacheprefix:1:k"),
                    new Example("k", "", 2, ":2:k"), new Example("a:b", "myapp", 3, "myapp:3:a:b"));
        }
    }

    @Nested
    class Custom extends KeyFunctionContract {
        @Override
        protected KeyFunction keyFunction() {
            return new CustomKeyFunction();
        }

        @Override
        protected List<Example> examples() {
            return List.of(new Example("answer1", "", 1, "CUSTOM--1-answer1"),
                    new Example("k", "cacheprefix", 2, "CUSTOM-cacheprefix-2-k"));
        }
    }
}
