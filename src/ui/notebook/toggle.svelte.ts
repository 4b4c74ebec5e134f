// A reactive on/off flag for views whose own variable named `state` hides the $state rune (NotebookPage).

export class Toggle {
  open = $state(false);
}
