interface Props {
  readonly id: string;
  readonly label: string;
  readonly accept: string;
  /** Called with the chosen file; the input is cleared afterwards so the same file can be chosen again. */
  readonly onFile: (file: File) => Promise<void>;
}

/** A labelled file input for imports (registry, rule pack). */
export function FilePicker({ id, label, accept, onFile }: Props) {
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (file) void onFile(file).finally(() => (input.value = ''));
        }}
      />
    </>
  );
}
