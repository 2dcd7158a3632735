import type {PreviewConfig} from '../config';

/** How ?view= and the View picker name a view: its component, or Component@viewport for one declared in several viewports. */
export function viewKey(views: PreviewConfig['views'], view: PreviewConfig['views'][number]): string {
  return views.filter((v) => v.component === view.component).length > 1 ? `${view.component}@${view.viewport}` : view.component;
}
