package org.softmaxlab.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;

/**
 * The sampling chain's order as a list of step names: drag a step to another place, or select it and press
 * Alt+Up / Alt+Down. Each change goes out as the whole new order.
 */
final class OrderList {
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final ListView<String> list = new ListView<>(items);
    private final Consumer<List<String>> onChange;

    OrderList(Consumer<List<String>> onChange) {
        this.onChange = onChange;
        list.setId("samplingOrder");
        list.setFixedCellSize(26);
        list.setCellFactory(v -> new StepCell());
        list.setOnKeyPressed(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (e.isAltDown() && i >= 0 && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                move(i, e.getCode() == KeyCode.UP ? i - 1 : i + 1);
                e.consume();
            }
        });
    }

    ListView<String> view() {
        return list;
    }

    /** Shows {@code order} (a new state's). */
    void show(List<String> order) {
        if (!items.equals(order)) {
            items.setAll(order);
        }
        list.setPrefHeight(order.size() * list.getFixedCellSize() + 4);
    }

    /** Moves step {@code from} to place {@code to} (ignored outside the list). */
    void move(int from, int to) {
        if (from < 0 || to < 0 || from >= items.size() || to >= items.size() || from == to) {
            return;
        }
        List<String> next = new ArrayList<>(items);
        next.add(to, next.remove(from));
        onChange.accept(next);
        list.getSelectionModel().select(items.indexOf(next.get(to)));
    }

    private final class StepCell extends ListCell<String> {
        StepCell() {
            setOnDragDetected(e -> {
                if (getItem() != null) {
                    ClipboardContent c = new ClipboardContent();
                    c.putString(Integer.toString(getIndex()));
                    startDragAndDrop(TransferMode.MOVE).setContent(c);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                boolean done = e.getDragboard().hasString() && getItem() != null;
                if (done) {
                    move(Integer.parseInt(e.getDragboard().getString()), getIndex());
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        @Override
        protected void updateItem(String step, boolean empty) {
            super.updateItem(step, empty);
            setText(empty || step == null ? null : (getIndex() + 1) + ". " + step.replace('_', ' '));
        }
    }
}
