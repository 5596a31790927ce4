package be.coordinaat.maintenance;

/** What a maintenance plan is carried out on: every asset of a kind or a model, the assets of a room, or one asset. */
public enum TargetType {
    KIND, MODEL, ROOM, ASSET
}
