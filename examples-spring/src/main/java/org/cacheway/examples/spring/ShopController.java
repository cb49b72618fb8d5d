package org.cacheway.examples.spring;

import java.security.Principal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shop's HTTP face: products for everyone, {@code /me} for a logged-in user. */
@RestController
public class ShopController {
    private final ProductService products;

    ShopController(ProductService products) {
        this.products = products;
    }

    /** A product, from the cache when it has one. */
    @GetMapping("/products/{id}")
    public Product product(@PathVariable String id) {
        return products.product(id);
    }

    /** Renames a product. */
    @PostMapping("/products/{id}")
    public Product rename(@PathVariable String id, @RequestParam String name) {
        return products.rename(id, name);
    }

    /** Evicts a product's cached copy. */
    @DeleteMapping("/products/{id}")
    public void forget(@PathVariable String id) {
        products.forget(id);
    }

    /** How many lookups this instance made. */
    @GetMapping("/lookups")
    public int lookups() {
        return products.lookups();
    }

    /** Who is logged in: the user Spring Security found in the Redis session. */
    @GetMapping("/me")
    public String me(Principal user) {
        return user.getName();
    }
}
