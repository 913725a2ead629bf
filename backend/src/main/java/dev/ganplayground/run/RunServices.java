package dev.ganplayground.run;

import java.util.function.Consumer;

/**
 * What every run of a registry shares: where its events go, how engines are built, its native thread policy, the
 * training slots (fair limits) and the persistence (null: nothing saved), and how a thread is started for it
 * (when created, and again after it was unloaded).
 */
record RunServices(RunListener listener, RunEngines engines, NativeThreadPolicy threadPolicy, TrainingSlots slots,
                   RunPersistence persistence, Consumer<Run> starter) {
}
