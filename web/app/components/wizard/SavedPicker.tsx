import { useState } from "react";

/** "Use a saved …": pick one of the user's saved items by name and apply it to the form. */
export function SavedPicker<T extends { id: string; name: string }>({
  id,
  label,
  items,
  className,
  onApply,
}: {
  id: string;
  label: string;
  items: T[];
  className: string;
  onApply: (item: T) => void;
}) {
  const [selected, setSelected] = useState("");
  if (items.length === 0) return null;
  return (
    <div className={`${className} inline-form`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={selected} onChange={(event) => setSelected(event.target.value)}>
        <option value="">Choose…</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button secondary small"
        disabled={!selected}
        onClick={() => {
          const item = items.find((entry) => entry.id === selected);
          if (item) onApply(item);
        }}
      >
        Apply
      </button>
    </div>
  );
}
