package be.coordinaat.inventory;

/** What kind of digital means an asset is. Custom fields are defined per kind. */
public enum AssetKind {
    LAPTOP, CHROMEBOOK, TABLET, DESKTOP, MONITOR, PROJECTOR, INTERACTIVE_DISPLAY, DOCUMENT_CAMERA, PRINTER,
    NETWORK_SWITCH, ACCESS_POINT, ROUTER_FIREWALL, SERVER_NAS, PHONE, AUDIO, CHARGING_CART, OTHER
}
