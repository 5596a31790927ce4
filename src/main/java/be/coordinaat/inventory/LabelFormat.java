package be.coordinaat.inventory;

/**
 * Common A4 label sheets (sizes in millimetres): the label size, the grid and the sheet's margins and pitch (label
 * plus gap), as printed on the packaging.
 */
public enum LabelFormat {
    /** Avery L7160: 21 labels of 63.5 × 38.1 mm, 3 × 7. */
    L7160(3, 7, 63.5, 38.1, 7.2, 15.15, 66.04, 38.1),
    /** Avery L7163: 14 labels of 99.1 × 38.1 mm, 2 × 7. */
    L7163(2, 7, 99.1, 38.1, 4.65, 15.15, 101.6, 38.1),
    /** Avery L7651: 65 mini labels of 38.1 × 21.2 mm, 5 × 13. */
    L7651(5, 13, 38.1, 21.2, 4.7, 10.7, 40.64, 21.2);

    public final int columns;
    public final int rows;
    public final double width;
    public final double height;
    public final double left;
    public final double top;
    public final double pitchX;
    public final double pitchY;

    LabelFormat(int columns, int rows, double width, double height, double left, double top, double pitchX, double pitchY) {
        this.columns = columns;
        this.rows = rows;
        this.width = width;
        this.height = height;
        this.left = left;
        this.top = top;
        this.pitchX = pitchX;
        this.pitchY = pitchY;
    }

    public int perSheet() {
        return columns * rows;
    }
}
