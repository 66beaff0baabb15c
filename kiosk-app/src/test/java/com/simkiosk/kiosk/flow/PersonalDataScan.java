package com.simkiosk.kiosk.flow;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks everything an object holds (its fields, records, collections, optionals, lambdas' captures, within our own
 * packages) and reports personal data: strings containing one of the needles, or values of personal types.
 * Injected dependencies and listeners are skipped: they belong to the caller, not to the session.
 */
final class PersonalDataScan {

    private final List<String> needles;
    private final Set<Class<?>> personalTypes;
    private final Set<Object> skip = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> skipFields;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> found = new ArrayList<>();

    PersonalDataScan(List<String> needles, Set<Class<?>> personalTypes, List<Object> skip, Set<String> skipFields) {
        this.needles = needles;
        this.personalTypes = personalTypes;
        this.skip.addAll(skip);
        this.skipFields = skipFields;
    }

    List<String> scan(Object root) {
        visit(root, root.getClass().getSimpleName(), 0);
        return found;
    }

    private void visit(Object value, String path, int depth) {
        if (value == null || depth > 40 || skip.contains(value) || !seen.add(value)) {
            return;
        }
        Class<?> type = value.getClass();
        if (personalTypes.contains(type)) {
            found.add(path + " holds a " + type.getSimpleName());
        }
        if (value instanceof Enum<?> || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof CharSequence text) {
            for (String needle : needles) {
                if (text.toString().contains(needle)) {
                    found.add(path + " contains '" + needle + "'");
                }
            }
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(inner -> visit(inner, path + ".get()", depth + 1));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                visit(item, path + "[" + i++ + "]", depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                visit(k, path + ".key", depth + 1);
                visit(v, path + "[" + k + "]", depth + 1);
            });
        } else if (value instanceof Object[] array) {
            for (int i = 0; i < array.length; i++) {
                visit(array[i], path + "[" + i + "]", depth + 1);
            }
        } else if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    visit(component.getAccessor().invoke(value), path + "." + component.getName(), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (type.getName().startsWith("com.simkiosk.")) {
            for (Class<?> c = type; c != null && c.getName().startsWith("com.simkiosk."); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || skipFields.contains(field.getName())) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        visit(field.get(value), path + "." + field.getName(), depth + 1);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        found.add(path + "." + field.getName() + " could not be inspected");
                    }
                }
            }
        }
    }
}
