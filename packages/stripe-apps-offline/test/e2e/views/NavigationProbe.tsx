/**
 * A test-only full-page view (never shipped) using the SDK's router,
 * navigateToDashboardRoute, route-descriptor hrefs and useStorage, as a
 * full-page app does in the Dashboard.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useStorage} from '@stripe/ui-extension-sdk/data';
import {AppRouter, createRoutes, navigateToDashboardRoute, NavigationProvider, Redirect, route, useAppRoute, useNavigation, useSearchParam} from '@stripe/ui-extension-sdk/navigation';
import {Box, Button, Link} from '@stripe/ui-extension-sdk/ui';

function Home() {
  const {navigateToAppRoute} = useNavigation();
  const [count, setCount] = useStorage('navigation-probe-count');
  return (
    <Box css={{stack: 'y', gap: 'small'}}>
      <Box>Route: home</Box>
      {/* Typed params need the app's RouteRegister augmentation, which is global: a test view must not declare it for the project. */}
      <Button onPress={() => navigateToAppRoute({key: 'customer', params: {id: 'cus_42'}, searchParams: {tab: 'notes'}} as never)}>Open customer</Button>
      <Button onPress={() => void navigateToDashboardRoute({name: 'payments'})}>Go to payments</Button>
      <Link href={{name: 'customerDetails', params: {customerId: 'cus_9'}}}>Customer in the Dashboard</Link>
      <Button href={{name: 'fullPageGlob', params: {glob: ['customers', 'cus_7']}}}>Own page link</Button>
      <Button onPress={() => setCount(String(Number(count ?? '0') + 1))}>Count</Button>
      <Box>Stored count: {count ?? 'none'}</Box>
    </Box>
  );
}

function Customer() {
  const current = useAppRoute();
  const [tab] = useSearchParam('tab');
  return (
    <Box>
      Route: {current.key} {JSON.stringify(current.routeParams)} tab={String(tab ?? 'none')}
    </Box>
  );
}

const routes = createRoutes({
  home: route('/', () => <Home />),
  customer: route('/customers/:id', () => <Customer />),
  old: route('/old', () => <Redirect route={{key: 'home'}} />),
});

const NavigationProbe = (context: ExtensionContextValue) => (
  <NavigationProvider routes={routes}>
    <AppRouter context={context} redirectOnNotFound={{key: 'home'}} />
  </NavigationProvider>
);

export default NavigationProbe;
