// The project ships no icon files yet; notifications need one (a red square, the badge's colour).
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAATUlEQVR42u3ZMREAIAwEwbTxrwV9jwrIwGxxAra+SlIvVwAAAAAARwGrO5MBAAAAAAAAAAAAAAAAAAAAAAAAAAAAANwHODQAAAAAXwM2FuAKS8nPuvcAAAAASUVORK5CYII=';
