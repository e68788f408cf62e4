package org.vigil.kernel.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every rig test ends with: no descriptor or mapping of a video node left behind, against a snapshot taken
 * before the test. Use with {@code @ExtendWith(NothingLeaked.class)}.
 */
public final class NothingLeaked implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NothingLeaked.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", ProcessResources.now());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ProcessResources before = context.getStore(NAMESPACE).get("before", ProcessResources.class);
        ProcessResources after = ProcessResources.now();
        assertEquals(before.descriptorsOn("/dev/video"), after.descriptorsOn("/dev/video"),
                "descriptors of /dev/video*: " + after.descriptorTargets());
        assertEquals(0, after.mappingsOf("/dev/video"), "mappings of /dev/video*: " + after.deviceMappings());
    }
}
