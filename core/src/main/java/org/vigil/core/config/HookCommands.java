package org.vigil.core.config;

import org.vigil.core.hooks.HookKind;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured hooks: for each kind at most one command, as its argument list (no shell), and their time limit. */
public record HookCommands(Map<HookKind, List<String>> commands, Duration timeout) {
    public HookCommands {
        EnumMap<HookKind, List<String>> copy = new EnumMap<>(HookKind.class);
        commands.forEach((kind, args) -> copy.put(kind, List.copyOf(args)));
        commands = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<List<String>> command(HookKind kind) {
        return Optional.ofNullable(commands.get(kind));
    }
}
